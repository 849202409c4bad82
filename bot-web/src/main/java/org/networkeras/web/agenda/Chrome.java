package org.networkeras.web.agenda;

/**
 * What every page shows around its content: its language, title and preview (OpenGraph) tags, the
 * link to the other language, and the texts of the skip link and footer.
 *
 * @param t the page's texts
 * @param title the title, in the tab and in a chat's preview
 * @param description the preview's line of text
 * @param url the page's full address, or {@code null} while the server has no public address
 * @param image the full address of the preview's picture, or {@code null} as {@code url}
 * @param switchHref the same page in the other language
 * @param ogType {@code website} for the agenda, {@code article} for an event
 */
public record Chrome(
    PageText t,
    String title,
    String description,
    String url,
    String image,
    String switchHref,
    String ogType) {

  /** The page's language code, for {@code <html lang>}. */
  public String lang() {
    return t.language().code();
  }

  /** The page's locale the OpenGraph way ({@code fr_FR}, {@code en_GB}). */
  public String ogLocale() {
    return "fr".equals(lang()) ? "fr_FR" : "en_GB";
  }
}
