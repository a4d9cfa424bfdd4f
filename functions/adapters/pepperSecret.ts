// The tracking-code pepper in AWS: a Secrets Manager secret generated at deploy, read once per cold start.
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export async function readPepperSecret(client: SecretsManagerClient, secretId: string): Promise<Buffer> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const value = out.SecretString ?? '';
  if (value.length < 32) throw new Error('the pepper secret must hold at least 32 characters');
  return Buffer.from(value, 'utf8');
}
