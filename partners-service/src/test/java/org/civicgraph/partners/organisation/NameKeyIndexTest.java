package org.civicgraph.partners.organisation;

import org.bson.Document;
import org.civicgraph.partners.name.NameKeyIndex;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The name-key lookup collection: kept with the organisations, checked on every read, rebuilt from them when needed. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class NameKeyIndexTest {

    private static final String SEARCH = "query($q: String!) { organisations(filter: {nameContains: $q, status: null}) { edges { node { id } } } }";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    NameKeyIndexBuilder builder;

    GraphQlHttp admin;

    @BeforeEach
    void setUp() {
        admin = GraphQlHttp.onPort(port).as("civicgraph", "admin");
    }

    @Test
    void theIndexIsCompleteAndEveryKeyOfEveryOrganisationLeadsToIt() {
        assertThat(mongo.findById("#complete", Document.class, NameKeyIndex.COLLECTION)).isNotNull();
        Document barnardos = mongo.findById("n:barnardos", Document.class, NameKeyIndex.COLLECTION);
        Document secureUnit = mongo.findById("w:secure", Document.class, NameKeyIndex.COLLECTION);

        assertThat(barnardos.getList("organisations", String.class)).contains("barnardos");
        assertThat(secureUnit.getList("units", String.class)).contains("lincolnshire-cc");
    }

    @Test
    void aRenamedOrMergedRecordIsNotFoundByItsOldKeysThoughTheyStayInTheIndex() {
        String id = "zanderbury-" + UUID.randomUUID().toString().substring(0, 8);
        create(id, "Zanderbury Quillwork Guild");
        String other = "zanderbury-dup-" + UUID.randomUUID().toString().substring(0, 8);
        create(other, "Zanderbury Lacemakers");

        admin.post("mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { id } } }",
                Map.of("input", Map.of("id", id, "name", "Yellowmead Trust")));
        admin.post("mutation($input: MergeOrganisationsInput!) { mergeOrganisations(input: $input) { mergedId } }",
                Map.of("input", Map.of("mergedId", other, "survivorId", id)));

        assertThat(mongo.findById("p:quillwork", Document.class, NameKeyIndex.COLLECTION).getList("organisations", String.class))
                .contains(id);
        assertThat(mongo.findById("p:lacemakers", Document.class, NameKeyIndex.COLLECTION).getList("organisations", String.class))
                .contains(id, other);
        assertThat(found("quillwork")).isEmpty();
        assertThat(found("zanderbury lacemakers")).containsExactly(id);
        assertThat(found("yellowmead")).containsExactly(id);
    }

    @Test
    void theIndexIsRebuiltFromTheOrganisations() {
        String id = "wexcombe-" + UUID.randomUUID().toString().substring(0, 8);
        create(id, "Wexcombe Bellringers");
        mongo.updateMulti(new Query(), new Update().pull("organisations", id), NameKeyIndex.COLLECTION);
        assertThat(found("wexcombe")).isEmpty();

        builder.rebuild();

        assertThat(found("wexcombe")).containsExactly(id);
        assertThat(mongo.count(Query.query(Criteria.where("organisations").is(id)), NameKeyIndex.COLLECTION)).isGreaterThan(10);
    }

    private void create(String id, String name) {
        GraphQlHttp.Response response = admin.post("mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }",
                Map.of("input", Map.of("id", id, "name", name, "type", "VOLUNTARY_OR_COMMUNITY_GROUP")));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    private List<String> found(String query) {
        GraphQlHttp.Response response = admin.post(SEARCH, Map.of("q", query));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.organisations.edges[*].node.id");
    }
}
