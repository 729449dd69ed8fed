package io.ucell.coap;

/** Request methods of +UCOAPC, with the command numbers of section 8.3 (1 GET, 2 DELETE, 3 PUT, 4 POST). */
public enum CoapMethod {
    GET(1),
    DELETE(2),
    PUT(3),
    POST(4);

    private final int atCode;

    CoapMethod(int atCode) {
        this.atCode = atCode;
    }

    /** The +UCOAPC command number. */
    public int atCode() {
        return atCode;
    }

    public static CoapMethod fromAtCode(int code) {
        for (CoapMethod m : values()) {
            if (m.atCode == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("no CoAP method " + code);
    }
}
