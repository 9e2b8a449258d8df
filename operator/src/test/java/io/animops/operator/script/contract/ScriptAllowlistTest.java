package io.animops.operator.script.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptAllowlistTest {
    @Test
    void theBundledFileIsTheContractInForce() {
        ScriptAllowlist allowlist = ScriptAllowlist.current();
        assertThat(allowlist.version())
                .isEqualTo(GdscriptContractValidator.CONTRACT_VERSION)
                .isEqualTo("contract-v2");
        assertThat(allowlist.creatable())
                .contains("RigidBody2D", "CircleShape2D", "PhysicsMaterial")
                .doesNotContain("Tween", "Object", "HTTPRequest");
        assertThat(allowlist.allowsSingletonMethod("Time", "get_ticks_msec")).isTrue();
        assertThat(allowlist.allowsSingletonMethod("Time", "get_datetime_string_from_system"))
                .isFalse();
        assertThat(allowlist.limit("size")).isEqualTo(100_000);
    }

    @Test
    void sectionsCommentsAndNamesAreRead() {
        ScriptAllowlist allowlist = ScriptAllowlist.parse("""
                # a comment
                [version]
                contract-x
                [functions]
                sin cos   # trailing comment
                tan
                """);
        assertThat(allowlist.version()).isEqualTo("contract-x");
        assertThat(allowlist.section("functions")).containsExactly("sin", "cos", "tan");
        assertThat(allowlist.section("nodes")).isEmpty();
    }

    @Test
    void malformedFilesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ScriptAllowlist.parse("sin cos\n[functions]\n"))
                .hasMessage("allowlist line 1: names before any [section]");
        assertThatThrownBy(() -> ScriptAllowlist.parse("[functions]\nsin\n").version())
                .hasMessage("allowlist: no [version]");
        assertThatThrownBy(() -> ScriptAllowlist.parse("[limits]\nsize 10\n").limit("iterations"))
                .hasMessage("allowlist: no limit iterations");
        assertThatThrownBy(() -> ScriptAllowlist.load("missing.txt")).hasMessageContaining("missing.txt: missing");
    }
}
