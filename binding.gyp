{
  "targets": [
    {
      "target_name": "pushgate_prefilter",
      "sources": ["native/prefilter.c"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O3", "-std=gnu11"],
      "cflags!": ["-O2"],
      "xcode_settings": {
        "OTHER_CFLAGS": ["-O3", "-std=gnu11"]
      }
    }
  ]
}
