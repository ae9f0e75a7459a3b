// Validates Kubernetes manifests against the API's JSON schemas, as kubeconform would (its binary is on GitHub,
// which the build machines cannot reach; the schemas come from the npm package kubernetes-models).
// Usage: node validate.mjs FILE.yaml…   Prints one line per document; exits 1 if any is invalid or unknown.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const manifest = doc.toJS();
    if (!manifest) continue;
    const { apiVersion, kind } = manifest;
    const where = `${file}: ${kind} ${manifest.metadata?.name ?? '?'}`;
    let model;
    try {
      model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
    } catch {
      console.log(`${where}: UNKNOWN ${apiVersion} ${kind}`);
      failed = true;
      continue;
    }
    try {
      new model(manifest).validate();
      console.log(`${where}: valid (${apiVersion})`);
    } catch (e) {
      console.log(`${where}: INVALID ${e.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
