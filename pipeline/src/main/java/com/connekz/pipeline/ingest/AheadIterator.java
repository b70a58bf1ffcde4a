package com.connekz.pipeline.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that finds each element one step ahead: {@link #advance()} returns the next one, or null at the end. */
abstract class AheadIterator<T> implements Iterator<T> {
    private T next;
    private boolean started;

    /** The next element, or null when there is none. */
    protected abstract T advance();

    @Override
    public boolean hasNext() {
        if (!started) {
            started = true;
            next = advance();
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T current = next;
        next = advance();
        return current;
    }
}
