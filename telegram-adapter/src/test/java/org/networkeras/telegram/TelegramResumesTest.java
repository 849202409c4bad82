package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TelegramResumesTest {

  private final InMemoryStateStore state = new InMemoryStateStore();
  private final TelegramResumes resumes = new TelegramResumes(state, "telegram.1.resume.");

  @Test
  void aStartPayloadAsksAgainOnceAndOnlyForTheMemberWhoAsked() {
    // given
    TelegramResumes.Resume asked =
        new TelegramResumes.Resume(
            "111", "-100", "Paris Tech", TelegramResumes.Kind.COMMAND, "link", "create");
    String payload = resumes.remember(asked);

    // when
    var byAnother = resumes.take(payload, "222");
    var byTheMember = resumes.take(payload, "111");
    var again = resumes.take(payload, "111");

    // then
    assertThat(TelegramResumes.isResume(payload)).isTrue();
    assertThat(payload).matches("[A-Za-z0-9_-]{1,64}");
    assertThat(byAnother).isEmpty();
    assertThat(byTheMember).contains(asked);
    assertThat(again).isEmpty();
  }

  @Test
  void storesWhatWasAskedNeverTheAnswer() {
    // given
    TelegramResumes.Resume pressed =
        new TelegramResumes.Resume(
            "111", "-100", null, TelegramResumes.Kind.BUTTON, null, "set:tz");

    // when
    String payload = resumes.remember(pressed);

    // then
    assertThat(state.get("telegram.1.resume." + payload).orElseThrow())
        .contains("set:tz")
        .contains("BUTTON");
    assertThat(TelegramResumes.isResume("invite42")).isFalse();
  }
}
