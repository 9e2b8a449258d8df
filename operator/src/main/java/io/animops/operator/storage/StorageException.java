package io.animops.operator.storage;

/** The store could not carry out an operation; the message names the key and the store's own reason. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
