// office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only; jest needs none of it.
module.exports = {};
