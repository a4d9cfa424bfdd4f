// Imported before anything that loads a handler: the handlers' logger reads its level once, when its module loads (as
// in Lambda), and resets to it at every invocation, so a level set later never holds. The bench and its tests keep
// the handlers' logs out of their output; the caller may still ask for more with POWERTOOLS_LOG_LEVEL.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
