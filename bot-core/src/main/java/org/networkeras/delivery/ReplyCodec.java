package org.networkeras.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.Block;
import org.networkeras.chat.Button;
import org.networkeras.chat.Form;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Visibility;

/**
 * Writes a {@link Reply} as JSON and reads it back, for the outbox. The format is written by hand
 * (not derived from the records) so that renaming a record component cannot silently break rows
 * already stored; {@code "v"} versions it. Thread-safe.
 */
final class ReplyCodec {

  private static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplyCodec() {}

  static String toJson(Reply reply) {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", VERSION);
    root.put("locale", reply.locale().toLanguageTag());
    root.put("visibility", reply.visibility().name());
    ArrayNode blocks = root.putArray("blocks");
    for (Block block : reply.blocks()) {
      ObjectNode node = blocks.addObject();
      block.title().ifPresent(title -> node.set("title", line(title)));
      ArrayNode lines = node.putArray("lines");
      block.lines().forEach(line -> lines.add(line(line)));
    }
    ArrayNode rows = root.putArray("buttons");
    for (List<Button> row : reply.buttons()) {
      ArrayNode rowNode = rows.addArray();
      for (Button button : row) {
        ObjectNode node = rowNode.addObject().put("label", button.label());
        if (button.isLink()) {
          node.put("url", button.url().toString());
        } else {
          node.put("token", button.token());
        }
      }
    }
    ArrayNode attachments = root.putArray("attachments");
    for (Attachment attachment : reply.attachments()) {
      attachments
          .addObject()
          .put("fileName", attachment.fileName())
          .put("mediaType", attachment.mediaType())
          .put("content", attachment.content());
    }
    reply.form().ifPresent(form -> root.set("form", form(form)));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a reply as JSON", e);
    }
  }

  /**
   * @throws IllegalArgumentException if {@code json} is not a reply this codec wrote
   */
  static Reply fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a stored reply: " + e.getOriginalMessage(), e);
    }
    int version = required(root, "v").asInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("Unknown stored reply version " + version);
    }
    List<Block> blocks = new ArrayList<>();
    for (JsonNode node : required(root, "blocks")) {
      List<Line> lines = new ArrayList<>();
      required(node, "lines").forEach(line -> lines.add(line(line)));
      Optional<Line> title =
          node.hasNonNull("title") ? Optional.of(line(node.get("title"))) : Optional.empty();
      blocks.add(new Block(title, lines));
    }
    List<List<Button>> buttons = new ArrayList<>();
    for (JsonNode rowNode : required(root, "buttons")) {
      List<Button> row = new ArrayList<>();
      for (JsonNode node : rowNode) {
        String label = text(node, "label");
        row.add(
            node.hasNonNull("url")
                ? Button.link(label, URI.create(text(node, "url")))
                : Button.callback(label, text(node, "token")));
      }
      buttons.add(row);
    }
    List<Attachment> attachments = new ArrayList<>();
    for (JsonNode node : required(root, "attachments")) {
      attachments.add(
          new Attachment(text(node, "fileName"), text(node, "mediaType"), bytes(node, "content")));
    }
    Optional<Form> form =
        root.hasNonNull("form") ? Optional.of(form(root.get("form"))) : Optional.empty();
    return new Reply(
        blocks,
        buttons,
        Visibility.valueOf(text(root, "visibility")),
        attachments,
        form,
        Locale.forLanguageTag(text(root, "locale")));
  }

  private static ArrayNode line(Line line) {
    ArrayNode pieces = JSON.createArrayNode();
    for (Piece piece : line.pieces()) {
      pieces.add(piece(piece));
    }
    return pieces;
  }

  private static Line line(JsonNode pieces) {
    List<Piece> result = new ArrayList<>();
    pieces.forEach(piece -> result.add(piece(piece)));
    return new Line(result);
  }

  private static ObjectNode piece(Piece piece) {
    ObjectNode node = JSON.createObjectNode();
    if (piece instanceof Piece.Text text) {
      node.put("kind", "text").put("text", text.text());
    } else if (piece instanceof Piece.Bold bold) {
      node.put("kind", "bold").put("text", bold.text());
    } else if (piece instanceof Piece.Link link) {
      node.put("kind", "link").put("label", link.label()).put("url", link.url().toString());
    } else if (piece instanceof Piece.Time time) {
      node.put("kind", "time")
          .put("instant", time.instant().toString())
          .put("zone", time.zone().getId())
          .put("style", time.style().name());
    } else if (piece instanceof Piece.EventRef ref) {
      node.put("kind", "eventRef").put("ref", ref.ref());
    } else {
      throw new IllegalArgumentException("Unknown piece kind " + piece.getClass().getName());
    }
    return node;
  }

  private static Piece piece(JsonNode node) {
    String kind = text(node, "kind");
    switch (kind) {
      case "text":
        return new Piece.Text(text(node, "text"));
      case "bold":
        return new Piece.Bold(text(node, "text"));
      case "link":
        return new Piece.Link(text(node, "label"), URI.create(text(node, "url")));
      case "time":
        return new Piece.Time(
            Instant.parse(text(node, "instant")),
            ZoneId.of(text(node, "zone")),
            Piece.TimeStyle.valueOf(text(node, "style")));
      case "eventRef":
        return new Piece.EventRef(text(node, "ref"));
      default:
        throw new IllegalArgumentException("Unknown stored piece kind " + kind);
    }
  }

  private static ObjectNode form(Form form) {
    ObjectNode node = JSON.createObjectNode().put("id", form.id()).put("title", form.title());
    ArrayNode fields = node.putArray("fields");
    for (Form.Field field : form.fields()) {
      fields
          .addObject()
          .put("id", field.id())
          .put("label", field.label())
          .put("placeholder", field.placeholder())
          .put("multiline", field.multiline())
          .put("required", field.required())
          .put("maxLength", field.maxLength());
    }
    return node;
  }

  private static Form form(JsonNode node) {
    List<Form.Field> fields = new ArrayList<>();
    for (JsonNode field : required(node, "fields")) {
      fields.add(
          new Form.Field(
              text(field, "id"),
              text(field, "label"),
              text(field, "placeholder"),
              required(field, "multiline").asBoolean(),
              required(field, "required").asBoolean(),
              required(field, "maxLength").asInt()));
    }
    return new Form(text(node, "id"), text(node, "title"), fields);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("Stored reply lacks '" + field + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static byte[] bytes(JsonNode node, String field) {
    try {
      return required(node, field).binaryValue();
    } catch (IOException e) {
      throw new IllegalArgumentException("Stored attachment content is not base64", e);
    }
  }
}
