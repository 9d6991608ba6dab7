package org.consentgov.notice.publicsite;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.BulletList;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A notice's text as HTML: its paragraphs and its "- " lists (nested too) become GOV.UK paragraphs and lists. The
 * text is CommonMark with any HTML in it escaped and unsafe link targets dropped, so a notice can never add markup
 * or script to the page.
 */
@ApplicationScoped
public class NoticeText {

    private static final Map<Class<? extends Node>, String> CLASSES = Map.of(
            Paragraph.class, "govuk-body",
            BulletList.class, "govuk-list govuk-list--bullet",
            OrderedList.class, "govuk-list govuk-list--number",
            Link.class, "govuk-link");

    /** Paragraphs and lists only: a "#", an indented line or a "```" in a notice stays text. */
    private final Parser parser =
            Parser.builder().enabledBlockTypes(Set.of(ListBlock.class)).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                String css = CLASSES.get(node.getClass());
                if (css != null) {
                    attributes.put("class", css);
                }
            })
            .build();

    public RawString html(String text) {
        return new RawString(renderer.render(parser.parse(text == null ? "" : text)));
    }
}
