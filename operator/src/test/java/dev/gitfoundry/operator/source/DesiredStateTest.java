package dev.gitfoundry.operator.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DesiredStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void liveWithExtraServerFieldsSatisfiesDesired() throws Exception {
    JsonNode desired =
        json("{'kind':'CFApp','metadata':{'name':'a','labels':{'x':'1'}},'spec':{'instances':2}}");
    JsonNode live =
        json(
            "{'kind':'CFApp','metadata':{'name':'a','uid':'u','resourceVersion':'7','labels':{'x':'1','other':'y'},"
                + "'annotations':{'gitfoundry.dev/revision':'main@sha1:abc'}},'spec':{'instances':2,'defaulted':true},"
                + "'status':{'ready':false}}");
    assertThat(DesiredState.satisfiedBy(desired, live)).isTrue();
  }

  @Test
  void aChangedOrMissingFieldNeedsAWrite() throws Exception {
    JsonNode desired = json("{'metadata':{'name':'a'},'spec':{'instances':3,'env':['A']}}");
    assertThat(
            DesiredState.satisfiedBy(
                desired, json("{'metadata':{'name':'a'},'spec':{'instances':2,'env':['A']}}")))
        .isFalse();
    assertThat(
            DesiredState.satisfiedBy(
                desired, json("{'metadata':{'name':'a'},'spec':{'instances':3}}")))
        .isFalse();
    assertThat(
            DesiredState.satisfiedBy(
                desired, json("{'metadata':{'name':'a'},'spec':{'instances':3,'env':['A','B']}}")))
        .isFalse();
    assertThat(DesiredState.satisfiedBy(desired, null)).isFalse();
  }

  @Test
  void numbersCompareByValue() throws Exception {
    assertThat(
            DesiredState.satisfiedBy(
                json("{'spec':{'memory':1024}}"), json("{'spec':{'memory':1024.0}}")))
        .isTrue();
  }
}
