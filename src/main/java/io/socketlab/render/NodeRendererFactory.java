package io.socketlab.render;

/** Makes a {@link NodeRenderer} for one render, bound to that render's context. */
@FunctionalInterface
interface NodeRendererFactory {
    NodeRenderer create(BlockContext context);
}
