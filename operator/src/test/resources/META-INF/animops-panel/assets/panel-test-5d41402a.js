document.getElementById("root").textContent = "panel test asset";
