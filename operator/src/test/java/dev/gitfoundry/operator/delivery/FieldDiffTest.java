package dev.gitfoundry.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldDiffTest {
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
            "{'kind':'CFApp','metadata':{'name':'a','uid':'u','labels':{'x':'1','other':'y'}},"
                + "'spec':{'instances':2,'defaulted':true},'status':{'ready':false}}");
    assertThat(FieldDiff.unsatisfied(desired, live)).isEmpty();
  }

  @Test
  void namesEveryFieldTheLiveObjectLacksOrHoldsDifferently() throws Exception {
    JsonNode desired =
        json(
            "{'spec':{'processes':[{'type':'web','instances':3},{'type':'worker','instances':1}],"
                + "'env':['A']}}");
    JsonNode live =
        json(
            "{'spec':{'processes':[{'type':'web','instances':2},{'type':'worker','instances':1}]}}");
    assertThat(FieldDiff.unsatisfied(desired, live))
        .containsExactly("spec.processes[web].instances", "spec.env");
    assertThat(
            FieldDiff.unsatisfied(
                json("{'spec':{'env':['A']}}"), json("{'spec':{'env':['A','B']}}")))
        .containsExactly("spec.env");
    assertThat(FieldDiff.unsatisfied(desired, null)).containsExactly(".");
  }

  @Test
  void numbersCompareByValue() throws Exception {
    assertThat(
            FieldDiff.unsatisfied(
                json("{'spec':{'memory':1024}}"), json("{'spec':{'memory':1024.0}}")))
        .isEmpty();
  }

  @Test
  void betweenReportsBothSidesWithValues() throws Exception {
    var changes =
        FieldDiff.between(
            json("{'memory':'256M','env':{'A':'1','B':'2'}}"),
            json("{'memory':'512M','env':{'A':'1','C':'3'}}"));
    assertThat(changes)
        .extracting(FieldDiff.Change::path)
        .containsExactly("env.B", "env.C", "memory");
    FieldDiff.Change memory = changes.get(2);
    assertThat(memory.before().asText()).isEqualTo("256M");
    assertThat(memory.after().asText()).isEqualTo("512M");
    assertThat(changes.get(0).after()).isNull();
    assertThat(changes.get(1).before()).isNull();
  }
}
