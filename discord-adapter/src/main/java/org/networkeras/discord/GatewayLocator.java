package org.networkeras.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.networkeras.chat.TokenRefusedException;

/**
 * Finds the gateway of a Discord-compatible server. JDA's plain builder always connects to
 * Discord's own gateway; when the REST API lives elsewhere, the gateway address comes from that
 * server's {@code GET /gateway/bot}, and a session controller hands it to JDA.
 */
final class GatewayLocator {

  private GatewayLocator() {}

  /**
   * Asks {@code restBaseUrl + "gateway/bot"} for the gateway address.
   *
   * @throws TokenRefusedException when the server refuses the token
   * @throws UncheckedIOException when the server cannot be reached or does not answer with a URL
   */
  static String gatewayUrl(OkHttpClient http, String restBaseUrl, String token) {
    return gatewayBot(http, restBaseUrl, token).getString("url");
  }

  /**
   * Discord's (or a compatible server's) {@code GET /gateway/bot}: the gateway's URL, the shards it
   * recommends and {@code session_start_limit} (total, remaining, reset_after, max_concurrency).
   *
   * @throws TokenRefusedException when the server refuses the token
   * @throws UncheckedIOException when the server cannot be reached or does not answer with a URL
   */
  static DataObject gatewayBot(OkHttpClient http, String restBaseUrl, String token) {
    Request request =
        new Request.Builder()
            .url(restBaseUrl + "gateway/bot")
            .header("Authorization", "Bot " + token)
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (response.code() == 401) {
        throw new TokenRefusedException("GET gateway/bot", response.code());
      }
      if (!response.isSuccessful() || body == null) {
        throw new IOException("GET gateway/bot answered HTTP " + response.code());
      }
      DataObject answer = DataObject.fromJson(body.string());
      answer.getString("url");
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find the gateway of " + restBaseUrl, e);
    } catch (TokenRefusedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UncheckedIOException(
          "cannot find the gateway of " + restBaseUrl, new IOException(e.getMessage(), e));
    }
  }

  /** A session controller that connects every session to one known gateway. */
  static final class FixedGatewaySessionController extends ConcurrentSessionController {
    private final String gatewayUrl;

    FixedGatewaySessionController(String gatewayUrl) {
      this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
      return gatewayUrl;
    }
  }
}
