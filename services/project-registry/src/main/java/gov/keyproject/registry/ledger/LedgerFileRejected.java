package gov.keyproject.registry.ledger;

/** The uploaded file as a whole cannot be imported (not an .xlsx, no header, too many rows…); nothing is changed. */
class LedgerFileRejected extends RuntimeException {

    LedgerFileRejected(String reason) {
        super(reason);
    }

    LedgerFileRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
