package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceListener;
import io.socketlab.i18n.Lang;

/** Where a running demo reports: lines each side prints, and (as a {@link TraceListener}) its socket calls. */
public interface DemoOutput extends TraceListener {
    /** A line printed by one side (what the article's print() calls show). Called from any thread. */
    void line(Side side, String text);

    /** The language the session writes its lines in; English unless the output says otherwise. */
    default Lang lang() {
        return Lang.EN;
    }
}
