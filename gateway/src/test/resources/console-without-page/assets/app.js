console.log("a build without its page");
