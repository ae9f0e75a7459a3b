// The contract (contracts/openapi.yaml, as this gateway serves it) rendered by Swagger UI, read-only.
window.ui = SwaggerUIBundle({
  url: 'openapi.yaml',
  dom_id: '#api',
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  supportedSubmitMethods: []
});
