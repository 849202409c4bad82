package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DiscordShardsTest {

  @Test
  void readsARangeOfShardsOutOfTheirTotal() {
    // given / when
    DiscordShards shards = DiscordShards.parse("0-3/8");

    // then
    assertThat(shards.ids()).containsExactly(0, 1, 2, 3);
    assertThat(shards.total()).isEqualTo(8);
    assertThat(shards).hasToString("0-3/8");
  }

  @Test
  void readsOneShard() {
    // given / when
    DiscordShards shards = DiscordShards.parse(" 2 / 8 ");

    // then
    assertThat(shards.ids()).containsExactly(2);
    assertThat(shards).hasToString("2/8");
  }

  @Test
  void refusesShardsOutsideTheTotalOrWrittenOtherwise() {
    assertThatThrownBy(() -> DiscordShards.parse("4-8/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 to total - 1");
    assertThatThrownBy(() -> DiscordShards.parse("3-1/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiscordShards.parse("0-3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first-last/total");
    assertThatThrownBy(() -> DiscordShards.parse("0/0"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
