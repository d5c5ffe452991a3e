package org.civicgraph.deploy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code mongodb://} connection string that the deployment tests care about.
 * (java.net.URI cannot parse a multi-host authority, so this splits the string by hand.)
 */
record MongoUri(List<String> hosts, String database, Map<String, String> options) {

    private static final String SCHEME = "mongodb://";

    static MongoUri parse(String uri) {
        if (!uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("Not a mongodb:// connection string: " + uri);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("No database in connection string: " + uri);
        }
        String authority = rest.substring(0, slash);
        String hostList = authority.substring(authority.lastIndexOf('@') + 1);
        String[] pathAndQuery = rest.substring(slash + 1).split("\\?", 2);
        Map<String, String> options = new LinkedHashMap<>();
        if (pathAndQuery.length == 2) {
            for (String option : pathAndQuery[1].split("&")) {
                String[] keyValue = option.split("=", 2);
                options.put(keyValue[0], keyValue.length == 2 ? keyValue[1] : "");
            }
        }
        return new MongoUri(Arrays.asList(hostList.split(",")), pathAndQuery[0], options);
    }
}
