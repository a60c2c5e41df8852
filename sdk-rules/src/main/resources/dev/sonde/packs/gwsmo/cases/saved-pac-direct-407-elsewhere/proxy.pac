function FindProxyForURL(url, host) {
    // internal servers through the lab proxy; the rest, Google included, direct
    if (isInNet(dnsResolve(host), "10.0.0.0", "255.0.0.0")) {
        return "PROXY 10.20.0.5:8080";
    }
    return "DIRECT";
}
