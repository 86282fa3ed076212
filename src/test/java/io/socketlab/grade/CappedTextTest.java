package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.i18n.Lang;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedTextTest {

    @Test
    void keepsTheCapAndSaysHowMuchWasDroppedInTheLearnersLanguage() {
        byte[] ten = "0123456789".getBytes(StandardCharsets.UTF_8);
        CappedText english = new CappedText(4, Lang.EN);
        CappedText chinese = new CappedText(4, Lang.ZH);
        english.add(ten, 0, ten.length);
        chinese.add(ten, 0, ten.length);
        assertEquals("0123\n[... 6 more bytes dropped]", english.text());
        assertEquals("0123\n[……另有 6 字节已省略]", chinese.text());
        english.clear();
        english.add(ten, 0, 3);
        assertEquals("012", english.text());
    }
}
