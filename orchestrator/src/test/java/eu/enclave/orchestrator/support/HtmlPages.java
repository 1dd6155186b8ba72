package eu.enclave.orchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** Portal pages through MockMvc, parsed with Jsoup, for the page tests. */
public final class HtmlPages {

    private HtmlPages() {
    }

    /** Performs the request and parses the HTML page it answers with, which must have the given status. */
    public static Document render(MockMvc mvc, RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("status of the page; body:\n%s", body).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("text/html");
        return Jsoup.parse(body);
    }

    /** The text of the element with this id, which must be on the page. */
    public static String text(Document page, String id) {
        Element element = page.getElementById(id);
        assertThat(element).as("element #%s", id).isNotNull();
        return element.text();
    }
}
