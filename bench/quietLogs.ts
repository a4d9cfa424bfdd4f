// Imported first by the bench's entry points: the handlers' logger reads its level when its module loads, and the
// handlers' INFO lines would bury the figures. Errors still show.
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
