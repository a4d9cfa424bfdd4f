// The monthly cost budget (`-c monthlyBudget=<USD>`): AWS Budgets mails nobody itself; it publishes to the stack's
// alarm topic when the month's actual cost passes 80 % and 100 % of the amount, and when the forecast for the month
// passes 100 %. The amount is the account's whole cost (AWS Budgets cannot see a stack; a tag filter would need a
// cost allocation tag activated by hand, and an inactive one would make the budget silently read zero), so one
// portal per account is the deployment this budget is meant for (docs/deploy.md).
import { Stack } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The context key: `cdk deploy -c monthlyBudget=50`. */
export const MONTHLY_BUDGET_CONTEXT = 'monthlyBudget';

/** When the topic hears about it, in percent of the monthly amount. */
export const BUDGET_THRESHOLDS: readonly { type: 'ACTUAL' | 'FORECASTED'; percent: number }[] = [
  { type: 'ACTUAL', percent: 80 },
  { type: 'ACTUAL', percent: 100 },
  { type: 'FORECASTED', percent: 100 },
];

/**
 * The context value as US dollars, or undefined when unset. Anything but a positive amount (at most two decimals)
 * fails the synth: a typo must not deploy a stack without the budget its operator asked for.
 */
export function monthlyBudgetFrom(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const amount = Number(text);
  if (!/^\d+(\.\d{1,2})?$/.test(text) || !(amount > 0)) {
    throw new Error(
      `${MONTHLY_BUDGET_CONTEXT} must be a positive amount in US dollars, e.g. -c ${MONTHLY_BUDGET_CONTEXT}=50, not ${JSON.stringify(value)}`,
    );
  }
  return amount;
}

export interface CostBudgetProps {
  /** e.g. `CleanPortal-kr-dev`: the budget's name, with the region (budgets are global to the account). */
  readonly name: string;
  /** US dollars a month. */
  readonly monthlyUsd: number;
  /** The alarm topic (lib/monitoring.ts) and the key it is encrypted with. */
  readonly topic: ITopic;
  readonly topicKey: IKey;
}

export class CostBudget extends Construct {
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const budgets = new ServicePrincipal('budgets.amazonaws.com');
    // The confused-deputy conditions the AWS Budgets guide gives for a notification topic: this account's budgets only.
    props.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisAccountsBudgetsToPublish',
        principals: [budgets],
        actions: ['sns:Publish'],
        resources: [props.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:budgets::${stack.account}:*` },
        },
      }),
    );
    // An encrypted topic takes a message only from a publisher that may use its key. As for CloudWatch on the same
    // key (lib/monitoring.ts), the topic policy above carries the conditions.
    props.topicKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowBudgetsToPublishToTheAlarmTopic',
        principals: [budgets],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.budget = new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `${props.name}-${stack.region}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: BUDGET_THRESHOLDS.map((threshold) => ({
        notification: {
          notificationType: threshold.type,
          comparisonOperator: 'GREATER_THAN',
          threshold: threshold.percent,
          thresholdType: 'PERCENTAGE',
        },
        subscribers: [{ subscriptionType: 'SNS', address: props.topic.topicArn }],
      })),
    });
  }
}
