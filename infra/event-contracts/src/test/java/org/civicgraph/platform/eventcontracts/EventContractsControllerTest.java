package org.civicgraph.platform.eventcontracts;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EventContractsControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new EventContractsController()).build();

    @Test
    void servesTheAsyncApiDocumentAsYaml() throws Exception {
        mvc.perform(get("/asyncapi.yaml")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/yaml")))
                .andExpect(content().string(containsString("asyncapi: 3.0.0")));
    }

    @Test
    void servesEachSchemaWhereTheDocumentsRefsPoint() throws Exception {
        mvc.perform(get("/events/schemas/org.civicgraph.sample.thing.created.v1.schema.json")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/schema+json")))
                .andExpect(content().string(containsString("\"title\": \"org.civicgraph.sample.thing.created.v1\"")));
    }

    @Test
    void servesNothingElse() throws Exception {
        mvc.perform(get("/events/schemas/org.civicgraph.sample.thing.deleted.v1.schema.json")).andExpect(status().isNotFound());
        mvc.perform(get("/events/schemas/..%2F..%2Fapplication.yaml")).andExpect(status().isNotFound());
        mvc.perform(get("/events/schemas/asyncapi.yaml")).andExpect(status().isNotFound());
    }
}
