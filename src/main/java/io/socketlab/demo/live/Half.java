package io.socketlab.demo.live;

import java.io.IOException;

/** One half of a demo run on its own, for {@code serve} ({@link ServeContext}) or {@code connect} ({@link ConnectContext}). */
@FunctionalInterface
public interface Half<C> {
    void run(C context) throws IOException;
}
