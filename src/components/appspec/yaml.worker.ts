// monaco-yaml's worker, wrapped in a file of ours so Vite bundles it as a module worker (`?worker`), as the
// monaco-yaml documentation advises for Vite.
import 'monaco-yaml/yaml.worker.js';
