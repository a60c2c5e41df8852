function FindProxyForURL(url, host) {
    if (shExpMatch(host, "*.google.com")) {
        return proxyFor(host); // left over from an older script: proxyFor is defined nowhere
    }
    return "DIRECT";
}
