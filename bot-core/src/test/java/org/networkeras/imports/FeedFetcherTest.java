package org.networkeras.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a feed may not live on unless the operator allows the local network. */
final class FeedFetcherTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.255",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:192.168.0.1",
        "64:ff9b::a9fe:a9fe"
      })
  void refusesAddressesOnTheLocalNetwork(String address) throws Exception {
    assertThat(FeedFetcher.isPrivate(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"93.184.216.34", "100.128.0.1", "172.32.0.1", "8.8.8.8", "2606:4700::1111"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(FeedFetcher.isPrivate(InetAddress.getByName(address))).isFalse();
  }
}
