package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chapter 9's statements about pools, selectors and virtual threads, checked on this JDK. */
@Timeout(30)
class ManyClientsFactsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aPoolWithTwoThreadsAndAQueueOfOneRejectsTheFourthTask() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        try {
            Runnable busy = () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            pool.execute(busy);
            pool.execute(busy);
            pool.execute(busy);
            assertThrows(RejectedExecutionException.class, () -> pool.execute(busy));
        } finally {
            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void newFixedThreadPoolQueuesWithoutLimit() {
        ThreadPoolExecutor fixed = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        try {
            assertTrue(fixed.getQueue() instanceof LinkedBlockingQueue);
            assertEquals(Integer.MAX_VALUE, fixed.getQueue().remainingCapacity());
        } finally {
            fixed.shutdown();
        }
    }

    @Test
    void aConnectedSocketIsReadyToWriteAtOnceSoRegisteringOpWriteForNothingSpins() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             SocketChannel client = SocketChannel.open(listening.getLocalAddress());
             SocketChannel server = listening.accept();
             Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_WRITE);
            for (int turn = 0; turn < 3; turn++) {
                assertEquals(1, selector.selectNow(), "ready again on turn " + turn + " without anything having happened");
                selector.selectedKeys().clear();
            }
        }
    }

    @Test
    void anIdleSocketRegisteredForOpReadIsNotReady() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             SocketChannel client = SocketChannel.open(listening.getLocalAddress());
             SocketChannel server = listening.accept();
             Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_READ);
            assertEquals(0, selector.selectNow());
        }
    }

    @Test
    void aClosedSelectorGivesNoKeysAndLeavesItsChannelsOpen() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             SocketChannel client = SocketChannel.open(listening.getLocalAddress());
             SocketChannel server = listening.accept()) {
            Selector selector = Selector.open();
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_READ);
            selector.close();
            assertThrows(java.nio.channels.ClosedSelectorException.class, selector::keys,
                    "after close the selector's list of clients is gone: close them first");
            assertTrue(server.isOpen(), "closing a selector does not close the channels registered with it");
        }
    }

    @Test
    void virtualThreadsNeedJdk21() {
        boolean hasVirtualThreads;
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            hasVirtualThreads = true;
        } catch (NoSuchMethodException e) {
            hasVirtualThreads = false;
        }
        assertEquals(Runtime.version().feature() >= 21, hasVirtualThreads, "JDK " + Runtime.version());
    }
}
