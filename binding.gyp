{
  # The optional native addon (native/analoop.c), built at install by `node-gyp-build`
  # (see package.json "install"). It lives at the package root because node-gyp-build looks
  # for build/ and prebuilds/ there. It needs only a C compiler: OpenBLAS is opened at run time.
  "targets": [
    {
      "target_name": "analoop",
      "sources": ["native/analoop.c", "native/parallel.c", "native/optim.c", "native/host.c", "native/pointwise.c", "native/chain.c", "native/sources.c"],
      "defines": ["NAPI_VERSION=8"],
      # Bit-identity with the JavaScript noise path: no FMA contraction, no fast-math.
      "cflags_c": ["-std=c11", "-O3", "-ffp-contract=off", "-fno-fast-math", "-fno-trapping-math"],
      "conditions": [
        ["OS=='linux'", {"libraries": ["-ldl", "-lpthread"]}],
        ["OS=='mac'", {
          "xcode_settings": {
            "OTHER_CFLAGS": ["-std=c11", "-O3", "-ffp-contract=off", "-fno-fast-math", "-fno-trapping-math"]
          }
        }]
      ]
    }
  ]
}
