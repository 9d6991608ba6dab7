package org.consentgov.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.redis.consts.LuaScripts;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bucket4j's buckets in Redis, through the Vert.x Redis client that Quarkus's Redis support is built on, the way
 * bucket4j's own Lettuce and Jedis proxy managers keep them: a bucket's state is one key, changed by
 * compare-and-swap with bucket4j's own Lua scripts, and expires once the bucket would be full again. Only the
 * asynchronous operations are used by the gateway (its routes run on the event loop); the blocking ones are
 * here because bucket4j requires them.
 */
final class VertxRedisProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final Redis redis;
    private final ExpirationAfterWriteStrategy expiration;

    VertxRedisProxyManager(Redis redis, ClientSideConfig config) {
        super(config);
        this.redis = redis;
        this.expiration = config.getExpirationAfterWriteStrategy().orElse(ExpirationAfterWriteStrategy.none());
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return send(Request.cmd(Command.GET).arg(key), timeoutNanos)
                        .thenApply(response -> Optional.ofNullable(response == null ? null : response.toBytes()));
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(
                    byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return send(swap(key, original, updated, state), timeoutNanos)
                        .thenApply(response -> response != null && response.toInteger() == 1);
            }
        };
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        AsyncCompareAndSwapOperation async = beginAsyncCompareAndSwapOperation(key);
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return await(async.getStateData(timeoutNanos));
            }

            @Override
            public boolean compareAndSwap(
                    byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return await(async.compareAndSwap(original, updated, state, timeoutNanos));
            }
        };
    }

    /** Sets the state if the key still holds {@code original} (or is absent when that is null), with its expiry. */
    private Request swap(String key, byte[] original, byte[] updated, RemoteBucketState state) {
        long ttlMillis = expiration.calculateTimeToLiveMillis(state, currentTimeNanos());
        Request request;
        if (original == null) {
            request = Request.cmd(Command.EVAL)
                    .arg(ttlMillis > 0 ? LuaScripts.SCRIPT_SET_NX_PX : LuaScripts.SCRIPT_SET_NX)
                    .arg(1)
                    .arg(key)
                    .arg(Buffer.buffer(updated));
        } else {
            request = Request.cmd(Command.EVAL)
                    .arg(ttlMillis > 0 ? LuaScripts.SCRIPT_COMPARE_AND_SWAP_PX : LuaScripts.SCRIPT_COMPARE_AND_SWAP)
                    .arg(1)
                    .arg(key)
                    .arg(Buffer.buffer(original))
                    .arg(Buffer.buffer(updated));
        }
        return ttlMillis > 0 ? request.arg(Long.toString(ttlMillis).getBytes(StandardCharsets.US_ASCII)) : request;
    }

    private CompletableFuture<Response> send(Request request, Optional<Long> timeoutNanos) {
        CompletableFuture<Response> sent =
                redis.send(request).toCompletionStage().toCompletableFuture();
        return timeoutNanos
                .map(nanos -> sent.orTimeout(nanos, TimeUnit.NANOSECONDS))
                .orElse(sent);
    }

    @Override
    public void removeProxy(String key) {
        await(removeAsync(key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return send(Request.cmd(Command.DEL).arg(key), Optional.empty()).thenApply(response -> null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Redis did not answer", e);
        }
    }
}
