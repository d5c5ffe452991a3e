// Apollo Gateway (with Apollo Server) over a supergraph file, on loopback, phoning nowhere:
// APOLLO_TELEMETRY_DISABLED=1 node apollo.mjs SUPERGRAPH.graphql PORT
// Usage reporting, schema reporting and the landing page (which loads from a CDN) are switched off explicitly, and
// the benchmark starts this without APOLLO_KEY / APOLLO_GRAPH_REF, so no plugin could report anywhere.
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

if (process.env.APOLLO_TELEMETRY_DISABLED !== '1' || process.env.APOLLO_KEY || process.env.APOLLO_GRAPH_REF) {
  console.error('Refusing to start: Apollo Gateway runs here only with APOLLO_TELEMETRY_DISABLED=1 and no APOLLO_KEY/APOLLO_GRAPH_REF');
  process.exit(2);
}
const [supergraph, port] = process.argv.slice(2);
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraph, 'utf8') });
const server = new ApolloServer({
  gateway,
  plugins: [
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginLandingPageDisabled(),
  ],
});
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(port) } });
console.log(`Apollo Gateway ready at ${url}`);
