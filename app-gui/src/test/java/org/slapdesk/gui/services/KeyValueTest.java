package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyValueTest {

    @Test
    void credentialsAreMaskedUntilRevealed() {
        for (String name : new String[] {"password", "Admin-Passwd", "SECRET_url", "ssh-key", "access_token"}) {
            KeyValue secret = new KeyValue(name, "hunter2");
            assertThat(secret.isSecret()).as(name).isTrue();
            assertThat(secret.shown(false)).as(name).isEqualTo(KeyValue.MASK).doesNotContain("hunter2");
            assertThat(secret.shown(true)).as(name).isEqualTo("hunter2");
        }
    }

    @Test
    void otherValuesAreShownAsTheyAre() {
        KeyValue url = new KeyValue("url", "http://[fc01::1]:9201/");
        assertThat(url.isSecret()).isFalse();
        assertThat(url.shown(false)).isEqualTo("http://[fc01::1]:9201/");
    }
}
