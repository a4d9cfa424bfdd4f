// The citizen API's firewall: a REGIONAL AWS WAF web ACL on the API Gateway stage. The portal's stack lives in the
// country's region and a CloudFront-scope web ACL can only be created in us-east-1, so the ACL sits on the stage
// behind CloudFront (lib/edge.ts) instead, and trusts two headers only CloudFront can have set:
//   - `x-origin-verify`: a secret that CloudFront adds to every origin request. Requests without it (someone calling
//     the execute-api URL directly) are blocked first, so nobody can reach the API around CloudFront and set the
//     next header themselves.
//   - `x-viewer-ip`: the viewer's address (an IPv6 viewer's /64), written by a CloudFront Function that overwrites
//     whatever the client sent. The per-address rate limits count by it: behind CloudFront, the source address WAF
//     sees is a CloudFront server's. Two of them (functions/contract/abuseLimits.ts): a tight budget on the writing
//     and guessing routes, and a wide one on every /api/* call.
// Nothing is logged: no WAF logging configuration exists (its records carry the client address and headers), and
// sampled requests are off on the ACL and every rule (the console would keep a sample of them, addresses included).
// Only CloudWatch metrics, which are counts.
import { PER_ADDRESS_LIMITS, type PerAddressLimit } from '#contract/abuseLimits.js';
import { LIMITS } from '#contract/limits.js';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

import { ROUTES } from '#contract/routes.js';
import { API_BASE_PATH } from './api.js';
import { acknowledge } from './nag.js';

/** Added by CloudFront to every API origin request; its value is the origin-verify secret. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** Set by the edge's viewer-request function to the viewer's address, overwriting any value the client sent. */
export const VIEWER_IP_HEADER = 'x-viewer-ip';

export type RateLimit = PerAddressLimit;

/** The same limit local mode enforces (local/runtime/localPortal.ts): 20 calls a minute from one address. */
export const DEFAULT_RATE_LIMIT: RateLimit = PER_ADDRESS_LIMITS.writeAndGuess;
/** Every /api/* call from one address, as local mode counts them: 600 per 5 minutes. */
export const DEFAULT_API_RATE_LIMIT: RateLimit = PER_ADDRESS_LIMITS.api;

export interface ApiFirewallProps {
  /** e.g. `CleanPortal-kr-dev`: the ACL's description and its metric names. */
  readonly name: string;
  /** `arn:<partition>:apigateway:<region>::/restapis/<api id>/stages/<stage>` (`RestApi.deploymentStage.stageArn`). */
  readonly stageArn: string;
  /** The value CloudFront puts in `x-origin-verify` (WebEdge.originVerifySecret). */
  readonly originVerifySecret: ISecret;
  /** API paths counted against the per-address limit, e.g. `/api/track`: use `rateLimitedApiPaths()`. */
  readonly rateLimitedPaths: string[];
  /** @default DEFAULT_RATE_LIMIT (20 a minute, as local mode) */
  readonly rateLimit?: RateLimit;
  /** Every /api/* call. @default DEFAULT_API_RATE_LIMIT (600 per 5 minutes, as local mode) */
  readonly apiRateLimit?: RateLimit;
}

/**
 * The `rateLimited` routes of functions/contract/routes.ts as API paths (`/api/reports`, `/api/track`, `/api/track/messages`,
 * `/api/auth/login`), counted together.
 */
export function rateLimitedApiPaths(): string[] {
  return [...new Set(ROUTES.filter((route) => route.rateLimited).map((route) => `${API_BASE_PATH}${route.resource}`))];
}

/**
 * A regex matching the end of the URI path WAF sees for these paths, whatever comes before (`/api/track` through a
 * custom domain, `/<stage>/api/track` on the execute-api host), with or without a trailing slash. Path parameters
 * (`{id}`) match one segment. Top-level alternation only: WAF's regex engine refuses capturing groups.
 */
export function pathSuffixRegex(paths: string[]): string {
  const escapeRegex = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return paths.map((path) => `${escapeRegex(path).replace(/\{[^}/]+\}/g, '[^/]+')}/?$`).join('|');
}

/**
 * Every path under the API's base path, whatever comes before it (`/api/x` through a custom domain,
 * `/<stage>/api/x` on the execute-api host), unknown paths included: a 404 costs a request too.
 */
export const API_PATHS_REGEX = `^(/[^/]+)?${API_BASE_PATH}(/.*)?$`;

type Rule = CfnWebACL.RuleProperty;
type Statement = CfnWebACL.StatementProperty;

/** Counts only: no sampled requests (they would keep client addresses). */
const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: false,
});

const NONE: CfnWebACL.TextTransformationProperty[] = [{ priority: 0, type: 'NONE' }];

/** Blocks answered in the portal's error shape (DESIGN.md), so the web app shows them like any other error. */
const RESPONSE_BODIES: Record<string, { status: number; code: string; message: string }> = {
  forbidden: { status: 403, code: 'FORBIDDEN', message: 'This request is not allowed.' },
  rateLimited: { status: 429, code: 'RATE_LIMITED', message: 'Too many requests from your connection. Wait a minute and try again.' },
  apiRateLimited: {
    status: 429,
    code: 'RATE_LIMITED',
    message: 'Too many requests from your connection. Wait a few minutes and try again.',
  },
  tooLarge: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than 64 KiB.' },
};

function block(bodyKey: keyof typeof RESPONSE_BODIES & string, headers: Record<string, string> = {}): CfnWebACL.RuleActionProperty {
  return {
    block: {
      customResponse: {
        responseCode: RESPONSE_BODIES[bodyKey]!.status,
        customResponseBodyKey: bodyKey,
        responseHeaders: Object.entries({ 'cache-control': 'no-store', ...headers }).map(([name, value]) => ({ name, value })),
      },
    },
  };
}

function managed(name: string, priority: number, metricPrefix: string, countOnly: string[] = []): Rule {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(countOnly.length ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: visibility(`${metricPrefix}-${name}`),
  };
}

export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;
  readonly association: CfnWebACLAssociation;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const rate = props.rateLimit ?? DEFAULT_RATE_LIMIT;
    const apiRate = props.apiRateLimit ?? DEFAULT_API_RATE_LIMIT;
    for (const limit of [rate, apiRate]) {
      if (!Number.isInteger(limit.requests) || limit.requests < 10)
        throw new Error('ApiFirewall: WAF counts at least 10 requests per window');
      if (![60, 120, 300, 600].includes(limit.windowSeconds)) throw new Error('ApiFirewall: the window is 60, 120, 300 or 600 seconds');
    }
    if (props.rateLimitedPaths.length === 0) throw new Error('ApiFirewall: no rate-limited paths');
    for (const path of props.rateLimitedPaths) {
      if (!path.startsWith(`${API_BASE_PATH}/`)) throw new Error(`ApiFirewall: "${path}" is not under ${API_BASE_PATH}/`);
    }
    const metric = props.name.replace(/[^\w#:.\-/]/g, '-');

    // CloudFormation resolves the dynamic reference at deploy time: the template holds only the secret's ARN.
    // (Secrets Manager references are allowed in any resource property; WAF and CloudFront both show the value to
    // principals allowed to read the web ACL or the distribution's configuration.)
    const originVerify = props.originVerifySecret.secretValue.unsafeUnwrap();

    const rules: Rule[] = [
      {
        // First, so nothing else spends effort (or counts) on a request that did not come through CloudFront.
        name: 'OriginVerify',
        priority: 0,
        action: block('forbidden'),
        statement: {
          notStatement: {
            statement: {
              byteMatchStatement: {
                fieldToMatch: { singleHeader: { Name: ORIGIN_VERIFY_HEADER } },
                positionalConstraint: 'EXACTLY',
                searchString: originVerify,
                textTransformations: NONE,
              },
            },
          },
        },
        visibilityConfig: visibility(`${metric}-OriginVerify`),
      },
      {
        // Before the managed groups, so every attempt counts, including those they would block.
        name: 'RateLimitedPaths',
        priority: 1,
        action: block('rateLimited', { 'retry-after': String(rate.windowSeconds) }),
        statement: {
          rateBasedStatement: {
            limit: rate.requests,
            evaluationWindowSec: rate.windowSeconds,
            aggregateKeyType: 'FORWARDED_IP',
            // MATCH: a value that is not an address is counted and limited like one, never let through.
            forwardedIpConfig: { headerName: VIEWER_IP_HEADER, fallbackBehavior: 'MATCH' },
            scopeDownStatement: {
              regexMatchStatement: {
                fieldToMatch: { uriPath: {} },
                regexString: pathSuffixRegex(props.rateLimitedPaths),
                // Decoded and normalized the way API Gateway may route it: /api/%74rack, /api//track, /x/../api/track.
                textTransformations: [
                  { priority: 0, type: 'URL_DECODE' },
                  { priority: 1, type: 'NORMALIZE_PATH' },
                ],
              },
            } satisfies Statement,
          },
        },
        visibilityConfig: visibility(`${metric}-RateLimitedPaths`),
      },
      {
        // The wide budget: every /api/* call, so no route (the agency's, the config, an unknown path) lets one
        // address take the stage's throttle. After the tight rule: a call it blocks is not counted twice.
        name: 'ApiPerAddress',
        priority: 2,
        action: block('apiRateLimited', { 'retry-after': String(apiRate.windowSeconds) }),
        statement: {
          rateBasedStatement: {
            limit: apiRate.requests,
            evaluationWindowSec: apiRate.windowSeconds,
            aggregateKeyType: 'FORWARDED_IP',
            forwardedIpConfig: { headerName: VIEWER_IP_HEADER, fallbackBehavior: 'MATCH' },
            scopeDownStatement: {
              regexMatchStatement: {
                fieldToMatch: { uriPath: {} },
                regexString: API_PATHS_REGEX,
                textTransformations: [
                  { priority: 0, type: 'URL_DECODE' },
                  { priority: 1, type: 'NORMALIZE_PATH' },
                ],
              },
            } satisfies Statement,
          },
        },
        visibilityConfig: visibility(`${metric}-ApiPerAddress`),
      },
      {
        // The contract's limit (DESIGN.md: bodies at most 64 KiB). The web ACL forwards API Gateway bodies up to
        // 64 KiB to WAF (AssociationConfig below; the default is 16 KiB), so a body of up to 65,536 bytes is
        // measured, and a longer one is "oversize", which MATCH turns into a block.
        name: 'BodySize',
        priority: 3,
        action: block('tooLarge'),
        statement: {
          sizeConstraintStatement: {
            fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
            comparisonOperator: 'GT',
            size: LIMITS.bodyBytes,
            textTransformations: NONE,
          },
        },
        visibilityConfig: visibility(`${metric}-BodySize`),
      },
      // Behind CloudFront the source address WAF sees is CloudFront's, so this list can only catch direct callers
      // (whom OriginVerify blocks anyway); it stays for the day the API is reached some other way.
      managed('AWSManagedRulesAmazonIpReputationList', 4, metric),
      // SizeRestrictions_BODY blocks bodies over 8 KB; the portal accepts up to 64 KiB (BodySize enforces that), so
      // it only counts.
      managed('AWSManagedRulesCommonRuleSet', 5, metric, ['SizeRestrictions_BODY']),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 6, metric),
    ];

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: `${props.name} citizen API: origin check, per-address rate limits, body size, AWS managed rules`,
      defaultAction: { allow: {} },
      rules,
      customResponseBodies: Object.fromEntries(
        Object.entries(RESPONSE_BODIES).map(([key, body]) => [
          key,
          { contentType: 'APPLICATION_JSON', content: JSON.stringify({ error: { code: body.code, message: body.message } }) },
        ]),
      ),
      // API Gateway forwards at most this much of a body to WAF (KB_16 by default; above it costs extra per request).
      associationConfig: { requestBody: { API_GATEWAY: { defaultSizeInspectionLimit: 'KB_64' } } },
      visibilityConfig: visibility(`${metric}-WebAcl`),
    });

    acknowledge(
      this.webAcl,
      'NIST.800.53.R5-WAFv2LoggingEnabled',
      'WAF log records carry the client address and request headers of every request, which would place a reporter\u2019s address next to their report (invariant 2); the rules publish CloudWatch metrics (counts only) and sampled requests are off.',
    );

    this.association = new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
