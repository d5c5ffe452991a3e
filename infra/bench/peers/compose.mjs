// Composes a Federation 2 supergraph, offline, from each subgraph's own `_service { sdl }`:
// node compose.mjs OUT.graphql name=http://127.0.0.1:PORT/graphql ...
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Kind, parse, visit } from 'graphql';

const [out, ...subgraphs] = process.argv.slice(2);
const services = [];
for (const argument of subgraphs) {
  const [name, url] = argument.split(/=(.*)/s);
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) {
    throw new Error(`${name}: only loopback subgraphs are composed here, not ${url}`);
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = await response.json();
  if (!body.data?._service?.sdl) {
    throw new Error(`${name} gave no _service.sdl: ${JSON.stringify(body)}`);
  }
  services.push({ name, url, typeDefs: parse(body.data._service.sdl) });
}
markSharedValueTypesShareable(services);
const result = composeServices(services);
if (result.errors?.length) {
  console.error(result.errors.map((error) => error.message).join('\n'));
  process.exit(1);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(', ')} into ${out}`);

/** @shareable as the subgraph's @link imports it (possibly renamed), else by its namespaced name. */
function shareableName(typeDefs) {
  for (const definition of typeDefs.definitions) {
    for (const directive of definition.directives ?? []) {
      const url = directive.arguments?.find((argument) => argument.name.value === 'url')?.value?.value ?? '';
      if (directive.name.value !== 'link' || !url.includes('specs.apollo.dev/federation')) {
        continue;
      }
      const imports = directive.arguments.find((argument) => argument.name.value === 'import')?.value?.values ?? [];
      for (const imported of imports) {
        if (imported.kind === Kind.STRING && imported.value === '@shareable') {
          return 'shareable';
        }
        if (imported.kind === Kind.OBJECT) {
          const field = (key) => imported.fields.find((f) => f.name.value === key)?.value?.value;
          if (field('name') === '@shareable') {
            return (field('as') ?? '@shareable').slice(1);
          }
        }
      }
    }
  }
  return 'federation__shareable';
}

/**
 * A Federation 2 composer refuses a value type that several subgraphs define unless each marks it @shareable. The
 * services mark the PageInfo they all page with (platform-graphql); this marks any other such type, one that several
 * subgraphs define and none as an entity (@key), as @federation__shareable (usable without importing it) in each, and
 * says which, so that a type a service forgot to share shows in the benchmark's output.
 */
function markSharedValueTypesShareable(services) {
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  const definedBy = new Map();
  for (const service of services) {
    for (const definition of service.typeDefs.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && !roots.has(definition.name.value) && !definition.name.value.startsWith('_')
          && !definition.directives?.some((directive) => directive.name.value === 'key')) {
        definedBy.set(definition.name.value, [...(definedBy.get(definition.name.value) ?? []), service.name]);
      }
    }
  }
  const shared = new Set([...definedBy].filter(([, names]) => names.length > 1).map(([name]) => name));
  if (shared.size === 0) {
    return;
  }
  for (const service of services) {
    const name = shareableName(service.typeDefs);
    const shareable = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: name }, arguments: [] };
    service.typeDefs = visit(service.typeDefs, {
      ObjectTypeDefinition(node) {
        if (!shared.has(node.name.value) || node.directives?.some((directive) => directive.name.value === name)) {
          return undefined;
        }
        return { ...node, directives: [...(node.directives ?? []), shareable] };
      },
    });
  }
  console.log(`shareable in every subgraph that defines them (marked where a subgraph had not): ${[...shared].map((name) => `${name} (${definedBy.get(name).join(', ')})`).join('; ')}`);
}
