variable "common_tags" {
  description = "Tags for every resource"
  default = {
    For = "minecraft-ondemand"
  }
}
