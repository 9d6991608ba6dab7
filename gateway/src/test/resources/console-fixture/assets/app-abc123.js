console.log("fixture app-abc123");
//# sourceMappingURL=app-abc123.js.map
