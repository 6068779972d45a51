resource "aws_datasync_task" "each" {
  for_each = var.pscloud_tasks

  name                     = "${var.pscloud_company}_${each.value.name}_${var.pscloud_env}"
  source_location_arn      = each.value.source_arn
  destination_location_arn = each.value.destanation_arn

  options {
    bytes_per_second  = each.value.bytes_per_second
    verify_mode       = each.value.verify_mode
    posix_permissions = "NONE"
    uid               = "NONE"
    gid               = "NONE"
  }

  tags = {
    Name = "${var.pscloud_company}_${each.value.name}_${var.pscloud_env}"
  }
}
