#!/usr/bin/env node
// The CDK app: one Clean Portal stack per country pack and stage.
//   npx cdk synth                         -> CleanPortal-kr-dev
//   npx cdk deploy -c country=kr -c stage=prod
// The pack is loaded and checked here, the same way the handlers load it at cold start, so a bad pack fails the
// synth with the file, the path and the problem instead of failing every function after deploy.
import { join } from 'node:path';
import { App, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { requireCheckedCountryPack } from '#composition/checkedPack.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import { COUNTRY_CODE, PortalStack, STAGE_NAME, portalStackName } from '#lib/portalStack.js';

const app = new App();
// Every synth (and deploy) runs cdk-nag's AwsSolutions, NIST 800-53 R5 and Serverless packs; an unacknowledged
// finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app), new ServerlessChecks(app));

function contextString(key: string, fallback: string): string {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string') throw new Error(`-c ${key}=... must be a string`);
  return value.trim();
}

const country = contextString('country', 'kr');
const stage = contextString('stage', 'dev');
if (!COUNTRY_CODE.test(country)) throw new Error(`-c country=${country}: a country code is two lowercase letters (e.g. kr)`);
if (!STAGE_NAME.test(stage)) throw new Error(`-c stage=${stage}: a stage name matches ${STAGE_NAME} (e.g. dev, training, prod)`);

// Every check `npm run country:check` runs: a bad pack fails here with its file, JSON path and problem, before any
// function carries it (they only re-check its structure at cold start).
requireCheckedCountryPack({ COUNTRY: country, COUNTRY_PACKS_DIR: join(PROJECT_ROOT, 'countries') });

// Production keeps its logs and refuses accidental stack deletion; data is kept on every stage.
const production = stage === 'prod';

const stack = new PortalStack(app, portalStackName(country, stage), {
  country,
  stage,
  terminationProtection: production,
  logRemovalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
});

Tags.of(stack).add('project', 'clean-portal');
Tags.of(stack).add('country', country);
Tags.of(stack).add('stage', stage);
