package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.i18n.Lang;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GlobalOptionsTest {
    private static GlobalOptions parsed(Map<String, String> env, String... args) {
        GlobalOptions options = new GlobalOptions(env);
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void theShellSpeaksTheLanguageLastChosenThereOverTheLocale() {
        assertEquals(Lang.ZH, parsed(Map.of("LANG", "en_US.UTF-8")).shellLang("zh"));
    }

    @Test
    void anExplicitLangWinsOverTheSavedChoice() {
        assertEquals(Lang.EN, parsed(Map.of("LANG", "zh_CN.UTF-8"), "--lang", "en").shellLang("zh"));
    }

    @Test
    void withNoSavedChoiceTheLocaleDecides() {
        assertEquals(Lang.ZH, parsed(Map.of("LANG", "zh_CN.UTF-8")).shellLang(null));
        assertEquals(Lang.ZH, parsed(Map.of("LANG", "zh_CN.UTF-8")).shellLang("klingon"), "a saved code SocketLab does not know");
    }
}
