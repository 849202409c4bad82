package org.networkeras.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.StateStore;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class JdbiStateStoreTest {

  @TempDir Path tempDir;

  private final TestDatabases.Backend backend;
  private Database database;
  private StateStore state;

  JdbiStateStoreTest(TestDatabases.Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
    state = database.state();
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void knowsNothingOfAKeyNeverWritten() {
    // given an empty store
    // when
    var value = state.get("telegram:offset");

    // then
    assertThat(value).isEmpty();
  }

  @Test
  void returnsWhatWasPut() {
    // given
    state.put("telegram:offset", "1041");

    // when
    var value = state.get("telegram:offset");

    // then
    assertThat(value).contains("1041");
  }

  @Test
  void putOverwritesThePreviousValue() {
    // given
    state.put("telegram:offset", "1041");

    // when
    state.put("telegram:offset", "1042");

    // then
    assertThat(state.get("telegram:offset")).contains("1042");
  }

  @Test
  void removeForgetsOneKeyOnly() {
    // given
    state.put("telegram.1.parts.k", "2");
    state.put("telegram.1.parts.other", "1");

    // when
    state.remove("telegram.1.parts.k");
    state.remove("never.written");

    // then
    assertThat(state.get("telegram.1.parts.k")).isEmpty();
    assertThat(state.get("telegram.1.parts.other")).contains("1");
  }

  @Test
  void keepsKeysApart() {
    // given
    state.put("telegram:offset", "7");
    state.put("discord:session", "abc");

    // when
    state.put("telegram:offset", "8");

    // then
    assertThat(state.get("discord:session")).contains("abc");
    assertThat(state.get("telegram:offset")).contains("8");
  }

  @Test
  void storesTextExactlyAsGiven() {
    // given
    String value = "l'apéro \"du jeudi\" 🍻; DROP TABLE state_entries; --\n";

    // when
    state.put("odd", value);

    // then
    assertThat(state.get("odd")).contains(value);
  }

  @Test
  void rejectsNullValues() {
    // given a store
    // when / then
    assertThatThrownBy(() -> state.put("key", null)).isInstanceOf(NullPointerException.class);
  }
}
