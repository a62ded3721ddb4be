package dev.gitfoundry.compiler.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4Test {
  private static List<String> cidrs(String destination) {
    return Ipv4.blocks(destination).stream().map(Ipv4.Block::cidr).toList();
  }

  @Test
  void addressesAndNetworksBecomeCanonicalCidrs() {
    assertThat(cidrs("10.0.0.1")).containsExactly("10.0.0.1/32");
    assertThat(cidrs("10.1.2.3/8")).containsExactly("10.0.0.0/8");
    assertThat(cidrs("0.0.0.0/0")).containsExactly("0.0.0.0/0");
    assertThat(cidrs("192.168.0.0/255.255.0.0")).containsExactly("192.168.0.0/16");
  }

  @Test
  void rangesBecomeTheFewestCoveringBlocks() {
    assertThat(cidrs("10.0.8.0-10.0.8.255")).containsExactly("10.0.8.0/24");
    assertThat(cidrs("10.0.0.1-10.0.0.6"))
        .containsExactly("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32");
    // cf-deployment's default public_networks group starts like this.
    assertThat(cidrs("0.0.0.0-9.255.255.255")).containsExactly("0.0.0.0/5", "8.0.0.0/7");
    assertThat(cidrs("0.0.0.0-255.255.255.255")).containsExactly("0.0.0.0/0");
    assertThat(cidrs("10.0.0.5-10.0.0.5")).containsExactly("10.0.0.5/32");
  }

  @Test
  void invalidTextIsRefused() {
    assertThat(Ipv4.network("10.0.0")).isNull();
    assertThat(Ipv4.network("10.0.0.1/33")).isNull();
    assertThat(Ipv4.network("10.0.0.1/255.0.255.0")).isNull();
    assertThat(Ipv4.address("10.0.0.0/8")).isNull();
    assertThat(Ipv4.hasLeadingZeros("10.0.0.0/8")).isFalse();
    assertThat(Ipv4.hasLeadingZeros("10.01.0.0")).isTrue();
  }
}
