// The portal's front door: one CloudFront distribution serving the static web app (web/) from a private S3
// bucket through origin access control, /api/* from the regional REST API stage, and the browser's attachment
// uploads (POST /upload) to the attachment bucket, so the reporter's address reaches neither S3 nor its logs. The API behavior never
// caches a private answer, forwards only what the handlers read (no cookies, no User-Agent), and adds the two
// headers the API's web ACL (lib/firewall.ts) trusts: the origin-verify secret and the viewer's address.
// CloudFront standard logging stays off: its records carry the viewer's IP address (invariant 2).
import { DefaultStackSynthesizer, Duration, Fn, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import type { IRestApi } from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  type ErrorResponse,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  type ResponseCustomHeader,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction, type SingletonFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl } from 'aws-cdk-lib/aws-s3-deployment';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { securityHeaders } from '#contract/securityHeaders.js';
import { UPLOAD_PATH } from '#contract/uploadPath.js';
import { API_BASE_PATH } from './api.js';
import { ORIGIN_VERIFY_HEADER, VIEWER_IP_HEADER } from './firewall.js';
import { acknowledge, acknowledgeEach, arnToken, LOG_GROUP_KEY_REASON } from './nag.js';
import { webAppSource } from './webApp.js';

/**
 * The viewer-request function of the API behavior (cloudfront-js-2.0). It writes the viewer's address into
 * `x-viewer-ip`, replacing any value the client sent, for the web ACL's per-address rate limit. Not
 * CloudFront-Viewer-Address: that header is `address:port`, and the port changes with every connection, so a
 * limit keyed on it would be reset by opening a new one. An IPv6 viewer is counted by its /64 (one subscriber's
 * network; rotating addresses inside it must not reset the count). ES5 only: runs unchanged in CloudFront and in
 * the tests.
 */
export const VIEWER_IP_FUNCTION_CODE = `function viewerKey(ip) {
  if (ip.indexOf(':') < 0) return ip;
  if (ip.indexOf('.') >= 0) return ip.substring(ip.lastIndexOf(':') + 1);
  var halves = ip.split('::');
  var head = halves[0] ? halves[0].split(':') : [];
  var tail = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  var groups = head.slice();
  for (var i = head.length + tail.length; i < 8; i++) groups.push('0');
  groups = groups.concat(tail);
  return groups.slice(0, 4).join(':').toLowerCase() + '::';
}
function handler(event) {
  var request = event.request;
  request.headers['${VIEWER_IP_HEADER}'] = { value: viewerKey(event.viewer.ip) };
  return request;
}
`;

/**
 * The viewer-request function of the upload behavior (cloudfront-js-2.0): S3 takes a browser's POST Object at the
 * bucket's root, so the portal's upload path becomes `/`, without a query string. Anything but a POST is refused
 * here, before it reaches the bucket.
 */
export const UPLOAD_PATH_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  if (request.method !== 'POST') {
    return { statusCode: 405, statusDescription: 'Method Not Allowed', headers: { allow: { value: 'POST' }, 'cache-control': { value: 'no-store' } } };
  }
  request.uri = '/';
  request.querystring = {};
  return request;
}
`;

/** The status codes CloudFront caches by default (for 10 s): never cache an error, so no viewer gets another's. */
const NO_ERROR_CACHING: ErrorResponse[] = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504].map((httpStatus) => ({
  httpStatus,
  ttl: Duration.seconds(0),
}));

const BOOTSTRAP_QUALIFIER_CONTEXT = '@aws-cdk/core:bootstrapQualifier';

/** HSTS: two years, subdomains included; not preloaded (a deployer's domain decision). */
const HSTS_MAX_AGE = Duration.days(730);

/**
 * The headers local mode serves web/ with (functions/contract/securityHeaders.ts), as a CloudFront response
 * headers policy, plus HSTS. A header added there and not mapped here fails the synth instead of drifting.
 */
export function securityHeadersBehavior(connectSources: string[]): {
  securityHeadersBehavior: ResponseSecurityHeadersBehavior;
  customHeaders: ResponseCustomHeader[];
} {
  const headers = securityHeaders(connectSources);
  const referrer = Object.values(HeadersReferrerPolicy).find((v) => v === headers['referrer-policy']);
  const frame = Object.values(HeadersFrameOption).find((v) => v === headers['x-frame-options']);
  if (!referrer || !frame || headers['x-content-type-options'] !== 'nosniff' || !headers['content-security-policy']) {
    throw new Error(
      'WebEdge: functions/contract/securityHeaders.ts securityHeaders() changed in a way the response headers policy cannot express',
    );
  }
  const mapped = new Set(['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']);
  const customHeaders = Object.entries(headers)
    .filter(([name]) => !mapped.has(name))
    .map(([header, value]) => ({ header, value, override: true }));
  return {
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy'], override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: referrer, override: true },
      frameOptions: { frameOption: frame, override: true },
      strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, preload: false, override: true },
    },
    customHeaders,
  };
}

export interface WebEdgeProps {
  /** e.g. `CleanPortal-kr-dev`: descriptions and the distribution's comment. */
  readonly name: string;
  /** The citizen API (a regional REST API in this stack's region). */
  readonly api: IRestApi;
  /** Its stage: CloudFront sends /api/x to `/<stageName>/api/x` on the execute-api host. */
  readonly stageName: string;
  /**
   * The attachment bucket's regional endpoint, `https://${bucket.bucketRegionalDomainName}`: CloudFront forwards the
   * browser's upload (POST to UPLOAD_PATH on the portal's own origin) there. The browser never calls it itself, so it
   * is not in the CSP's connect-src.
   */
  readonly uploadOrigin: string;
  /** The value CloudFront puts in `x-origin-verify`. @default a secret generated at deploy (48 letters and digits) */
  readonly originVerify?: ISecret;
  /** @default PriceClass.PRICE_CLASS_100 (North America, Europe, Israel) */
  readonly priceClass?: PriceClass;
  /**
   * A custom domain: its names and an ACM certificate for them, which CloudFront requires in us-east-1. Only with
   * it does the TLS 1.2 minimum apply; the default *.cloudfront.net certificate lets viewers negotiate TLS 1.0.
   */
  readonly domain?: { readonly names: string[]; readonly certificate: ICertificate };
  /** The web bucket and the generated secret (both rebuilt from the repository on the next deploy). @default DESTROY */
  readonly removalPolicy?: RemovalPolicy;
  /** The web app's sources, built with its vite.config.ts at synth. @default <project>/web */
  readonly webDirectory?: string;
}

/** Where vite puts the content-hashed scripts and styles. */
const HASHED_ASSETS_PREFIX = 'assets/';
/** What viewers get on pages and API answers: nothing kept in a browser's cache. */
export const NO_STORE = 'no-store';

export class WebEdge extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly originVerifySecret: ISecret;
  readonly viewerIpFunction: EdgeFunction;
  readonly uploadPathFunction: EdgeFunction;
  readonly uploadOriginRequestPolicy: OriginRequestPolicy;
  /** The security headers, on the content-hashed scripts and styles (cached a year by browsers too). */
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** The same headers plus `Cache-Control: no-store`, on the pages and every /api/* answer. */
  readonly noStoreHeadersPolicy: ResponseHeadersPolicy;
  readonly apiCachePolicy: CachePolicy;
  readonly apiOriginRequestPolicy: OriginRequestPolicy;
  /** https://<distribution domain> */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebEdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    if (!Token.isUnresolved(props.uploadOrigin) && !/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(props.uploadOrigin)) {
      throw new Error(`WebEdge: uploadOrigin must be an https origin without a path, not "${props.uploadOrigin}"`);
    }
    if (!/^[A-Za-z0-9_-]+$/.test(props.stageName)) throw new Error(`WebEdge: bad stage name "${props.stageName}"`);
    // CloudFront policies and functions are global: their names carry the region so one stack name may be
    // deployed to several regions of an account.
    const globalName = (suffix: string) => `${Names.uniqueId(this).slice(0, 60)}-${suffix}-${stack.region}`;

    this.bucket = this.createWebBucket(removalPolicy);
    this.originVerifySecret = this.originVerify(props, removalPolicy);
    this.responseHeadersPolicy = this.createResponseHeadersPolicy(props, globalName);
    this.noStoreHeadersPolicy = this.createResponseHeadersPolicy(props, globalName, { noStore: true });
    this.apiCachePolicy = this.createApiCachePolicy(props, globalName);
    this.apiOriginRequestPolicy = this.createApiOriginRequestPolicy(props, globalName);
    this.viewerIpFunction = new EdgeFunction(this, 'ViewerIp', {
      comment: `${props.name}: sets ${VIEWER_IP_HEADER} for the API web ACL rate limit`.slice(0, 128),
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(VIEWER_IP_FUNCTION_CODE),
    });
    this.uploadPathFunction = new EdgeFunction(this, 'UploadPath', {
      comment: `${props.name}: forwards the browser's attachment POST to the bucket's root`.slice(0, 128),
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(UPLOAD_PATH_FUNCTION_CODE),
    });
    // The form's Content-Type carries its multipart boundary; nothing else of the viewer's reaches the bucket.
    this.uploadOriginRequestPolicy = new OriginRequestPolicy(this, 'UploadOriginRequestPolicy', {
      originRequestPolicyName: globalName('UploadOrigin'),
      comment: `${props.name}: attachment uploads; Content-Type only`.slice(0, 128),
      headerBehavior: OriginRequestHeaderBehavior.allowList('Content-Type'),
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    this.distribution = this.createDistribution(props, stack);
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.deployWebApp(props, removalPolicy);
  }

  /** The web app's bucket: public static files, read by CloudFront only. */
  private createWebBucket(removalPolicy: RemovalPolicy): Bucket {
    // Public static files only: SSE-S3 is enough (SSE-KMS would need a key policy naming the distribution, which
    // itself depends on the bucket). No versioning: every deploy rebuilds the content from web/.
    const bucket = new Bucket(this, 'WebBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy,
      autoDeleteObjects: false,
    });
    acknowledge(
      bucket,
      'AwsSolutions-S1',
      'No server access logs on purpose: they record the requester\u2019s IP address, and the portal keeps nothing that identifies a reporter (invariant 2). Only CloudFront reads this bucket (origin access control).',
    );
    acknowledge(
      bucket,
      'NIST.800.53.R5-S3BucketLoggingEnabled',
      'No server access logs on purpose: they record the requester\u2019s IP address, and the portal keeps nothing that identifies a reporter (invariant 2).',
    );
    acknowledgeEach(
      bucket,
      ['NIST.800.53.R5-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketVersioningEnabled'],
      'The bucket holds only the built web app, public static files that every deploy rebuilds from web/ in the repository; a replica or old versions would keep nothing that cannot be rebuilt.',
    );
    acknowledge(
      bucket,
      'NIST.800.53.R5-S3DefaultEncryptionKMS',
      'Public static files only (the built web app): SSE-S3 is enough, and SSE-KMS would need a key policy naming the distribution, which itself depends on the bucket.',
    );

    return bucket;
  }

  /** The secret CloudFront adds to every API request, which the API's web ACL requires. */
  private originVerify(props: WebEdgeProps, removalPolicy: RemovalPolicy): ISecret {
    const secret =
      props.originVerify ??
      new Secret(this, 'OriginVerify', {
        description: `${props.name}: value CloudFront adds to API requests (${ORIGIN_VERIFY_HEADER}); the API web ACL blocks requests without it`,
        generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
        removalPolicy,
      });
    if (!props.originVerify) {
      acknowledge(
        secret,
        'AwsSolutions-SMG4',
        'A shared token between this stack\u2019s CloudFront distribution and web ACL, both of which receive it only through CloudFormation dynamic references at deploy time: a scheduled rotation would change it without updating either and lock CloudFront out of the API. It is rotated by replacing the secret in a deployment (lib/README.md).',
      );
      acknowledge(
        secret,
        'NIST.800.53.R5-SecretsManagerRotationEnabled',
        'A shared token between this stack\u2019s CloudFront distribution and web ACL, which receive it through dynamic references at deploy time only: a scheduled rotation would lock CloudFront out of the API. It is rotated by replacing the secret in a deployment.',
      );
      acknowledge(
        secret,
        'NIST.800.53.R5-SecretsManagerUsingKMSKey',
        'Not a reporter\u2019s secret: it only proves a request came through this distribution, and its value is readable in the distribution\u2019s and web ACL\u2019s configuration anyway; CloudFormation resolves it at deploy, which a customer key would make depend on the deployer\u2019s key grants.',
      );
    }

    return secret;
  }

  /**
   * The Content-Security-Policy and security headers on every answer, as local mode sends them. With `noStore`, also
   * `Cache-Control: no-store` to the viewer, whatever the origin said: a page or an answer read on a shared computer
   * stays in no browser cache. The policy acts on the answer CloudFront sends, after its own caching decision, so the
   * edge still caches what the origin marks public (pages until the next deploy; config, pages and public statistics
   * for 5 minutes).
   */
  private createResponseHeadersPolicy(
    props: WebEdgeProps,
    globalName: (suffix: string) => string,
    options: { noStore?: boolean } = {},
  ): ResponseHeadersPolicy {
    const headers = securityHeadersBehavior([]);
    const customHeaders = [
      ...headers.customHeaders,
      ...(options.noStore ? [{ header: 'cache-control', value: NO_STORE, override: true }] : []),
    ];
    const id = options.noStore ? 'NoStoreSecurityHeaders' : 'SecurityHeaders';
    return new ResponseHeadersPolicy(this, id, {
      responseHeadersPolicyName: globalName(id),
      comment: `${props.name}: CSP and security headers, as local mode${options.noStore ? ', no-store' : ''}`.slice(0, 128),
      securityHeadersBehavior: headers.securityHeadersBehavior,
      ...(customHeaders.length ? { customHeadersBehavior: { customHeaders } } : {}),
    });
  }

  private createApiCachePolicy(props: WebEdgeProps, globalName: (suffix: string) => string): CachePolicy {
    // Authorization cannot be forwarded by an origin request policy (CloudFront refuses it there) and CachingDisabled
    // cannot carry headers, so the API's cache policy puts it in the cache key: it reaches the origin, and no
    // answer is ever shared between two tokens. TTLs come from the origin, 0 by default: the handlers answer
    // `no-store` except the public config, pages and statistics (`public, max-age=300`); POSTs are never cached.
    return new CachePolicy(this, 'ApiCachePolicy', {
      cachePolicyName: globalName('ApiCache'),
      comment: `${props.name}: API; caches only what the origin marks public`.slice(0, 128),
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  private createApiOriginRequestPolicy(props: WebEdgeProps, globalName: (suffix: string) => string): OriginRequestPolicy {
    // What the handlers read, and the viewer address for the web ACL. No cookies, no User-Agent (CloudFront then
    // sends its own, "Amazon CloudFront"), no Accept-Language, no CloudFront-Viewer-* headers.
    return new OriginRequestPolicy(this, 'ApiOriginRequestPolicy', {
      originRequestPolicyName: globalName('ApiOrigin'),
      comment: `${props.name}: API; Content-Type, query strings and the viewer address only`.slice(0, 128),
      headerBehavior: OriginRequestHeaderBehavior.allowList('Content-Type', VIEWER_IP_HEADER),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
  }

  /** The web app from the bucket, and /api/* from the API's stage behind the secret header. */
  private createDistribution(props: WebEdgeProps, stack: Stack): Distribution {
    const apiOrigin = new HttpOrigin(`${props.api.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      originPath: `/${props.stageName}`,
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // CloudFront overwrites a viewer's header of the same name. The value is a dynamic reference, resolved by
      // CloudFormation at deploy: the template carries only the secret's ARN.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originVerifySecret.secretValue.unsafeUnwrap() },
    });

    // `https://<bucket regional domain>` without its scheme, also when it is a deploy-time value.
    const uploadHost = Token.isUnresolved(props.uploadOrigin)
      ? Fn.select(2, Fn.split('/', props.uploadOrigin))
      : new URL(props.uploadOrigin).host;
    const webBehavior = {
      origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
    };
    const distribution = new Distribution(this, 'Distribution', {
      comment: `${props.name}: web app and ${API_BASE_PATH}`.slice(0, 128),
      defaultRootObject: 'index.html',
      priceClass: props.priceClass ?? PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      enableLogging: false,
      ...(props.domain
        ? {
            domainNames: props.domain.names,
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      errorResponses: NO_ERROR_CACHING,
      // The pages: no-store to the viewer.
      defaultBehavior: { ...webBehavior, responseHeadersPolicy: this.noStoreHeadersPolicy },
      additionalBehaviors: {
        // The content-hashed scripts and styles keep their year-long immutable caching.
        [`/${HASHED_ASSETS_PREFIX}*`]: { ...webBehavior, responseHeadersPolicy: this.responseHeadersPolicy },
        [`${API_BASE_PATH}/*`]: {
          origin: apiOrigin,
          // Not a redirect: a request body sent over plain HTTP would be lost (and was already exposed).
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: this.apiCachePolicy,
          originRequestPolicy: this.apiOriginRequestPolicy,
          responseHeadersPolicy: this.noStoreHeadersPolicy,
          compress: true,
          functionAssociations: [{ function: this.viewerIpFunction, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        // The browser's attachment upload, a presigned POST: its signature covers the policy document, not the host,
        // so S3 takes it from CloudFront as from the browser, and sees (and logs, if data events are on) a CloudFront
        // server's address. Never cached; no cookie, no query string, no viewer header but Content-Type.
        [UPLOAD_PATH]: {
          origin: new HttpOrigin(uploadHost, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: this.uploadOriginRequestPolicy,
          responseHeadersPolicy: this.noStoreHeadersPolicy,
          compress: false,
          functionAssociations: [{ function: this.uploadPathFunction, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    acknowledge(
      distribution,
      'AwsSolutions-CFR1',
      'No geo restriction on purpose: whistleblowers abroad (or behind foreign VPNs) must be able to report.',
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR2',
      'A CloudFront-scope web ACL can only be created in us-east-1 and this stack lives in the country\u2019s region. The API behind /api/* has a REGIONAL web ACL on its stage (lib/firewall.ts); the rest is public static files.',
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR3',
      'No standard (access) logging on purpose: CloudFront access logs record each viewer\u2019s IP address and user agent, and the portal keeps nothing that identifies a reporter (invariant 2). CloudWatch metrics remain.',
    );
    if (!props.domain) {
      acknowledge(
        distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose security policy is TLSv1 whatever is asked for. A deployer sets `domain` (names and an ACM certificate in us-east-1) to get TLSv1.2_2021 (lib/README.md).',
      );
    }

    return distribution;
  }

  /** The built web app, copied into the bucket at deploy. */
  private deployWebApp(props: WebEdgeProps, removalPolicy: RemovalPolicy): void {
    // The built web app, in two uploads. Vite names every file under assets/ by its content hash, so those are
    // cached for a year and never pruned (a page still open from the last release can load its lazy chunks). The
    // pages' metadata is CloudFront's instruction (keep them until the next deploy invalidates it); viewers get
    // no-store from the response headers policy.
    const deployRole = new Role(this, 'WebDeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.name}: copies the web app into the web bucket and invalidates the distribution`,
    });
    const deployLogs = new LogGroup(this, 'WebDeployLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    deployLogs.grantWrite(deployRole);
    acknowledge(deployLogs, 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', LOG_GROUP_KEY_REASON);
    acknowledge(
      deployRole,
      'NIST.800.53.R5-IAMNoInlinePolicy',
      'BucketDeployment writes its grants into this role\u2019s own policy (one AWS::IAM::Policy attached to this role only); a managed policy could be attached to other principals.',
    );
    const webApp = webAppSource(props.webDirectory);
    const retainOnDelete = removalPolicy !== RemovalPolicy.DESTROY;
    const hashedAssets = new BucketDeployment(this, 'WebAssetsDeployment', {
      sources: [webApp],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [`${HASHED_ASSETS_PREFIX}*`],
      prune: false,
      retainOnDelete,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      role: deployRole,
      logGroup: deployLogs,
    });
    const pages = new BucketDeployment(this, 'WebDeployment', {
      sources: [webApp],
      destinationBucket: this.bucket,
      exclude: [`${HASHED_ASSETS_PREFIX}*`],
      prune: true,
      retainOnDelete,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.seconds(0)),
        CacheControl.mustRevalidate(),
        CacheControl.sMaxAge(Duration.days(365)),
      ],
      role: deployRole,
      logGroup: deployLogs,
    });
    // New pages only go live once the scripts they name are there.
    pages.node.addDependency(hashedAssets);
    this.acknowledgeDeployment(deployRole, pages);
  }

  /**
   * BucketDeployment's Lambda-backed custom resource: the grants it adds to the role, and its singleton function
   * (created at stack level, one per stack).
   */
  private acknowledgeDeployment(role: Role, deployment: BucketDeployment): void {
    const stack = Stack.of(this);
    const bucket = arnToken(this.bucket);
    const grant = 'Added by BucketDeployment\u2019s own grants';
    const reasons: Record<string, string> = {
      'Action::s3:GetObject*': `${grant}: reads the web/ asset zip from the CDK asset bucket and the objects of this stack\u2019s web bucket.`,
      'Action::s3:GetBucket*': `${grant}: bucket metadata of the asset bucket and this stack\u2019s web bucket only.`,
      'Action::s3:List*': `${grant}: \`aws s3 sync\` lists the asset bucket and this stack\u2019s web bucket.`,
      'Action::s3:DeleteObject*': `${grant}: prune deletes files removed from web/, in this stack\u2019s web bucket only.`,
      'Action::s3:Abort*': `${grant}: aborts its own failed multipart uploads to this stack\u2019s web bucket.`,
      [`Resource::${bucket}/*`]: `${grant}: every object of this stack\u2019s web bucket, which holds only web/.`,
      [`Resource::arn:<AWS::Partition>:s3:::${this.assetBucketName()}/*`]: `${grant}: the CDK asset bucket of this account and region; read only, to fetch the web/ zip.`,
      'Resource::*':
        'Added by BucketDeployment for the CloudFront invalidation after each upload (cloudfront:CreateInvalidation and GetInvalidation only); it grants them on all distributions.',
    };
    for (const [finding, reason] of Object.entries(reasons)) acknowledge(role, `AwsSolutions-IAM5[${finding}]`, reason);

    // The singleton function lives at stack level; find the one this deployment uses.
    const singleton = deployment.node.tryFindChild('CustomResourceHandler') as SingletonFunction | undefined;
    const arn = singleton ? JSON.stringify(stack.resolve(singleton.functionArn)) : undefined;
    const handler = stack.node.children.find(
      (child) => child instanceof LambdaFunction && JSON.stringify(stack.resolve(child.functionArn)) === arn,
    );
    if (handler) {
      acknowledge(
        handler,
        'AwsSolutions-L1',
        'CDK\u2019s BucketDeployment handler (Python with the AWS CLI layer), whose runtime aws-cdk-lib pins and updates; it runs only during deployments.',
      );
      acknowledge(
        handler,
        'Serverless-LambdaLatestVersion',
        'CDK\u2019s BucketDeployment handler (Python with the AWS CLI layer), whose runtime aws-cdk-lib pins and updates; it runs only during deployments.',
      );
      acknowledgeEach(
        handler,
        ['NIST.800.53.R5-LambdaDLQ', 'Serverless-LambdaDLQ'],
        'CloudFormation invokes this custom-resource handler and waits for its answer: a failure fails and rolls back the deployment, so there is no lost event for a dead-letter queue to keep.',
      );
      acknowledgeEach(
        handler,
        ['NIST.800.53.R5-LambdaConcurrency', 'NIST.800.53.R5-LambdaInsideVPC', 'Serverless-LambdaTracing'],
        'CDK\u2019s BucketDeployment handler, whose settings aws-cdk-lib owns: it runs once per deployment, invoked by CloudFormation, and reaches only S3 and CloudFront; it never sees a request, a report or an address.',
      );
    }
  }

  /** The default synthesizer's file asset bucket, as cdk-nag writes it in a finding (bootstrap qualifier included). */
  private assetBucketName(): string {
    const qualifier: unknown = this.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT);
    return `cdk-${typeof qualifier === 'string' ? qualifier : DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>`;
  }
}
