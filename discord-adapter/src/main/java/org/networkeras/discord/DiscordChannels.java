package org.networkeras.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.RequestBody;

/**
 * Where outbound messages go: the channels of the session (one JDA) or of the shards this instance
 * runs (a {@link ShardManager}), and members' private channels.
 */
interface DiscordChannels {

  /** A guild channel of a guild this instance sees, or a known private channel; else null. */
  MessageChannel channel(String id);

  /**
   * Opens (or finds) the private channel with user {@code userId}.
   *
   * @throws IllegalStateException when no session runs on this instance
   */
  RestAction<PrivateChannel> openPrivate(String userId);

  /**
   * Whether this instance sees every guild of the bot (one session), so that an unknown channel is
   * unknown for good; with shards, the channel's guild may be on another instance's shard.
   */
  boolean seesEveryGuild();

  /** A guild this instance sees, or null. */
  Guild guild(String id);

  /**
   * Posts {@code message} in channel {@code channelId} by REST alone, through a session running on
   * this instance, whether or not the channel's guild is in its cache: Discord's {@code POST
   * /channels/{id}/messages} needs the bot's token, not the gateway session that sees the guild.
   * The call goes through that session's requester, so JDA's per-route rate-limit buckets apply as
   * for any other call. The action yields the id of the message sent; null when no session runs
   * here.
   */
  RestAction<String> postByRest(String channelId, MessageCreateData message, String nonce);

  /** {@link #postByRest} through {@code session}. */
  static RestAction<String> postByRest(
      JDA session, String channelId, MessageCreateData message, String nonce) {
    DataObject payload = message.toData().put("nonce", nonce).put("enforce_nonce", true);
    List<? extends AttachedFile> files = message.getFiles();
    RequestBody body =
        files.isEmpty()
            ? RequestBody.create(payload.toJson(), okhttp3.MediaType.get("application/json"))
            : AttachedFile.createMultipartBody(files, payload).build();
    return new RestActionImpl<>(
        session,
        Route.Messages.SEND_MESSAGE.compile(channelId),
        body,
        (response, request) -> response.getObject().getString("id"));
  }

  static DiscordChannels of(JDA jda) {
    return new DiscordChannels() {
      @Override
      public boolean seesEveryGuild() {
        return true;
      }

      @Override
      public Guild guild(String id) {
        return jda.getGuildById(id);
      }

      @Override
      public MessageChannel channel(String id) {
        MessageChannel channel = jda.getChannelById(MessageChannel.class, id);
        return channel != null ? channel : jda.getPrivateChannelById(id);
      }

      @Override
      public RestAction<PrivateChannel> openPrivate(String userId) {
        return jda.openPrivateChannelById(userId);
      }

      @Override
      public RestAction<String> postByRest(
          String channelId, MessageCreateData message, String nonce) {
        return DiscordChannels.postByRest(jda, channelId, message, nonce);
      }
    };
  }

  static DiscordChannels of(ShardManager shards) {
    return new DiscordChannels() {
      @Override
      public boolean seesEveryGuild() {
        return false;
      }

      @Override
      public Guild guild(String id) {
        return shards.getGuildById(id);
      }

      @Override
      public MessageChannel channel(String id) {
        MessageChannel channel = shards.getChannelById(MessageChannel.class, id);
        return channel != null ? channel : shards.getPrivateChannelById(id);
      }

      @Override
      public RestAction<PrivateChannel> openPrivate(String userId) {
        // any running shard may open a private channel: it is a REST call
        JDA shard =
            shards.getShards().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Discord shard runs here"));
        return shard.openPrivateChannelById(userId);
      }

      @Override
      public RestAction<String> postByRest(
          String channelId, MessageCreateData message, String nonce) {
        // the shards of one manager share its REST rate limiter: any running one will do
        return shards.getShards().stream()
            .filter(shard -> shard.getStatus() != JDA.Status.SHUTDOWN)
            .findFirst()
            .map(shard -> DiscordChannels.postByRest(shard, channelId, message, nonce))
            .orElse(null);
      }
    };
  }
}
