package org.networkeras.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;

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
    };
  }
}
