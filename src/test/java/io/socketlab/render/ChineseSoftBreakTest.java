package io.socketlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.course.Includes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A line break inside a Chinese paragraph joins without a space where Chinese text meets. */
class ChineseSoftBreakTest {
    private static String render(String markdown) {
        LessonRenderer renderer = new LessonRenderer(RenderOptions.plain(200), new Includes(Path.of(".")));
        return renderer.toText(renderer.render(markdown)).strip();
    }

    @Test
    void noSpaceAfterFullWidthPunctuationBeforeLatinText() {
        assertEquals("被丢弃了，Java 只是不读。", render("被丢弃了，\nJava 只是不读。"));
        assertEquals("长度被重置；`getLength()` 返回字节数。", render("长度被重置；\n`getLength()` 返回字节数。"));
    }

    @Test
    void noSpaceBeforeFullWidthPunctuation() {
        assertEquals("“本机”（127.0.0.1）", render("“本机”\n（127.0.0.1）"));
    }

    @Test
    void noSpaceBetweenTwoChineseCharacters() {
        assertEquals("一行写完以后换行下一行", render("一行写完以后换行\n下一行"));
    }

    @Test
    void aSpaceBetweenAChineseCharacterAndALatinWord() {
        assertEquals("跟英文单词时 TCP 之前", render("跟英文单词时\nTCP 之前"));
    }

    @Test
    void aSpaceBetweenEnglishWords() {
        assertEquals("as in English the break", render("as in English\nthe break"));
    }
}
